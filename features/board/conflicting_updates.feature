@fixture.server.per_scenario
Feature: Two people editing the same task
  As a member of a team
  I want the board to stop me from saving over a change I have not seen
  So that two people editing the same task do not silently undo each other's work

  Words: [opening and saving](glossary.md#opening-and-saving), [version](glossary.md#version).

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'
    And Alice and Bob have both opened the task 'Renew the certificate'

  Rule: A save applies only to the version that was opened; the first to save wins

    Scenario: The first to save wins; the second is told the task has changed
      Given Alice has saved the task with the title 'Renew the TLS certificate'
      When Bob tries to save the task with the title 'Renew it today'
      Then Bob should be told someone else changed the task in the meantime
      And the task should have the title 'Renew the TLS certificate'

    Scenario: After opening the task again, the second person can save
      Given Alice has saved the task with the title 'Renew the TLS certificate'
      And Bob has opened the task 'Renew the TLS certificate'
      When Bob saves the task with the due date '2030-05-01'
      Then the task should have these details:
        | title    | Renew the TLS certificate |
        | due date | 2030-05-01                |

    Scenario: One person can save several changes in a row
      Given Alice has saved the task with the status 'doing'
      When Alice saves the task with the due date '2030-05-01'
      Then the task should be at version 3

  Rule: Completing or deleting a task as it was opened follows the same rule

    Scenario: A task still as it was opened can be completed from that copy
      When Bob completes the task as he opened it
      Then the task should have the status 'done'

    Scenario: A task still as it was opened can be deleted from that copy
      When Bob deletes the task as he opened it
      Then Alice should not see 'Renew the certificate' on the Apollo board

    Scenario: A task that changed since it was opened cannot be completed from the old copy
      Given Alice has saved the task with the status 'doing'
      When Bob tries to complete the task as he opened it
      Then Bob should be told someone else changed the task in the meantime
      And the task should have the status 'doing'

    Scenario: A task that changed since it was opened cannot be deleted from the old copy
      Given Alice has saved the task with the due date '2030-05-01'
      When Bob tries to delete the task as he opened it
      Then Bob should be told someone else changed the task in the meantime
      And the task should have the due date '2030-05-01'

  Rule: A change made without opening the task first always applies: the last change wins

    Scenario: A change made without opening the task first simply applies
      Given Alice has saved the task with the title 'Renew the TLS certificate'
      When Bob renames the task 'Renew the TLS certificate' to 'Renew it today'
      Then the task should have the title 'Renew it today'
