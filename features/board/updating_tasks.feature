@fixture.server.per_scenario
Feature: Changing tasks
  As a member of a team
  I want to change any detail of our tasks as the work moves on
  So that the board always shows the work as it is

  Words: [task](glossary.md#task), [status](glossary.md#status), [version](glossary.md#version),
  [refusal](glossary.md#refusal).

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added these tasks:
      | title                 | description                        | assignee | due date   |
      | Renew the certificate | The TLS certificate expires in May | Alice    | 2030-05-01 |

  Rule: A change touches only the details it names

    Scenario: Changing one detail leaves the others as they were
      When Bob renames the task 'Renew the certificate' to 'Renew the TLS certificate'
      Then the task should have these details:
        | title       | Renew the TLS certificate          |
        | description | The TLS certificate expires in May |
        | status      | todo                               |
        | assignee    | Alice                              |
        | due date    | 2030-05-01                         |

    Scenario: A task can be handed over to a teammate
      When Alice gives the task 'Renew the certificate' the assignee Bob
      Then Bob should see 'Renew the certificate' on the Apollo board with the assignee Bob

    Scenario: A task can be left without anyone assigned
      When Alice gives the task 'Renew the certificate' no assignee
      Then the task should have no assignee

    Scenario: A due date can be moved
      When Bob gives the task 'Renew the certificate' the due date '2030-06-01'
      Then the task should have the due date '2030-06-01'

    Scenario: A due date can be dropped
      When Bob gives the task 'Renew the certificate' no due date
      Then the task should have no due date

  Rule: Any status may follow any other

    Scenario Outline: A task can move from any status to any other
      Given Alice has given the task 'Renew the certificate' the status '<from>'
      When Bob gives the task 'Renew the certificate' the status '<to>'
      Then the task should have the status '<to>'

      Examples:
        | from  | to    |
        | todo  | done  |
        | done  | doing |
        | doing | todo  |

    Scenario: A task moves along as work starts
      When Bob gives the task 'Renew the certificate' the status 'doing'
      Then Alice should see 'Renew the certificate' on the Apollo board with the status 'doing'

    Scenario: A finished task can be reopened
      Given Alice has completed the task 'Renew the certificate'
      When Bob gives the task 'Renew the certificate' the status 'todo'
      Then the task should have the status 'todo'

  Rule: Every change makes a new version of the task

    Scenario: Every change makes a new version of the task
      Given Alice has given the task 'Renew the certificate' the status 'doing'
      When Bob gives the task 'Renew the certificate' the due date '2030-06-01'
      Then the task should be at version 3

  Rule: A change that breaks a rule is refused and changes nothing

    # Changes that break the rules are sent on purpose: no contract check.
    @no_contract
    Scenario Outline: A change that breaks a rule is refused and changes nothing
      When Bob tries to give the task 'Renew the certificate' <detail>
      Then Bob should be told <complaint>
      And the task 'Renew the certificate' should be unchanged

      Examples:
        | detail                           | complaint                                 |
        | no title                         | the title is required                     |
        | a blank title                    | the title must not be blank               |
        | a title of 201 characters        | the title is too long                     |
        | a description of 2001 characters | the description is too long               |
        | the status 'finished'            | the status is not one the board knows     |
        | no status                        | the status cannot be removed              |
        | the due date 'next week'         | the due date is not a date                |
        | the due date '2030-13-01'        | the due date is not a day of the calendar |
        | the assignee Zoe                 | the assignee is not a member of the team  |
