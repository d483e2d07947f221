@fixture.server.per_scenario
Feature: Each team's tasks are private to the team
  As a member of a team
  I want only my team to see and change our tasks
  So that other teams can neither read our plans nor disturb our work

  Words: [team](glossary.md#team), [board](glossary.md#board), [member](glossary.md#member).

  Background:
    Given Alice is a member of team Apollo
    And Carol is a member of team Gemini
    And Alice has added the task 'Renew the certificate'

  Rule: Each team sees only its own tasks

    Scenario: Each team sees only its own tasks on its board
      Given Carol has added the task 'Plan the launch'
      When Carol looks at the Gemini board
      Then Carol should see these tasks:
        | title           |
        | Plan the launch |

    Scenario: Another team's task cannot be looked at
      When Carol tries to look at the task 'Renew the certificate'
      Then Carol should be told the task belongs to another team

    Scenario: Another team's members cannot be found through their tasks
      Given Alice has given the task 'Renew the certificate' the assignee Alice
      When Carol looks at the tasks assigned to Alice on the Gemini board
      Then Carol should see no tasks

  Rule: Another team's tasks cannot be changed

    Scenario Outline: Another team's task cannot be changed, completed or deleted
      When Carol tries to <attempt>
      Then Carol should be told the task belongs to another team
      And the task 'Renew the certificate' should be unchanged

      Examples:
        | attempt                                                  |
        | rename the task 'Renew the certificate' to 'Hijacked'    |
        | give the task 'Renew the certificate' the status 'doing' |
        | give the task 'Renew the certificate' the assignee Carol |
        | complete the task 'Renew the certificate'                |
        | delete the task 'Renew the certificate'                  |

  Rule: A task can be given only to a member of its team

    Scenario: A task cannot be given to someone in another team
      When Alice tries to give the task 'Renew the certificate' the assignee Carol
      Then Alice should be told the assignee is not a member of the team
      And the task 'Renew the certificate' should be unchanged
