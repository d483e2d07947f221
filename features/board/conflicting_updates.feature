Feature: Two people editing the same task
  As a member of a team
  I want the board to stop me from saving over a change I have not seen
  So that two people editing the same task do not silently undo each other's work

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'
    And Alice and Bob have both opened the task 'Renew the certificate'

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

  Scenario: A change made without opening the task first simply applies
    Given Alice has saved the task with the title 'Renew the TLS certificate'
    When Bob renames the task 'Renew the TLS certificate' to 'Renew it today'
    Then the task should have the title 'Renew it today'
