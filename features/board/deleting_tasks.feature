@fixture.server.per_scenario
Feature: Deleting tasks
  As a member of a team
  I want to delete tasks we no longer need
  So that the board shows only real work

  Words: [deleting](glossary.md#deleting), [task](glossary.md#task) (its number).

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'

  Rule: A deleted task is gone from the team's board, and only that task

    Scenario: A deleted task disappears from the team's board
      When Bob deletes the task 'Renew the certificate'
      Then Alice should not see 'Renew the certificate' on the Apollo board

    Scenario: Deleting one task leaves the others alone
      Given Alice has added the task 'Book the venue'
      When Bob deletes the task 'Renew the certificate'
      Then Alice should see 'Book the venue' on the Apollo board

  Rule: Deleting cannot be undone: the board treats a deleted task as one that does not exist

    Scenario Outline: Nothing can be done with a deleted task
      Given Bob has deleted the task 'Renew the certificate'
      When Alice tries to <attempt>
      Then Alice should be told the task does not exist

      Examples:
        | attempt                                                  |
        | look at the task 'Renew the certificate'                 |
        | give the task 'Renew the certificate' the status 'todo'  |
        | complete the task 'Renew the certificate'                |
        | delete the task 'Renew the certificate'                  |

    Scenario: A task that was never added does not exist either
      When Alice tries to look at task 7
      Then Alice should be told the task does not exist

  Rule: A new task never takes the place of a deleted one

    Scenario: A new task never takes the place of a deleted one
      Given Bob has deleted the task 'Renew the certificate'
      And Alice has added the task 'Renew the new certificate'
      When Alice tries to look at the task 'Renew the certificate'
      Then Alice should be told the task does not exist

    Scenario: Adding the same title again makes a new task with a new number
      Given Bob has deleted the task 'Renew the certificate'
      When Alice adds the task 'Renew the certificate'
      Then the task should have these details:
        | number  | 2 |
        | version | 1 |
