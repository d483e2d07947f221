Feature: Deleting tasks
  As a member of a team
  I want to delete tasks we no longer need
  So that the board shows only real work

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'

  Scenario: A deleted task disappears from the team's board
    When Bob deletes the task 'Renew the certificate'
    Then Alice should not see 'Renew the certificate' on the Apollo board

  Scenario: Deleting one task leaves the others alone
    Given Alice has added the task 'Book the venue'
    When Bob deletes the task 'Renew the certificate'
    Then Alice should see 'Book the venue' on the Apollo board

  Scenario: A deleted task cannot be looked at any more
    Given Bob has deleted the task 'Renew the certificate'
    When Alice tries to look at the task 'Renew the certificate'
    Then Alice should be told the task does not exist

  Scenario: A task cannot be deleted twice
    Given Bob has deleted the task 'Renew the certificate'
    When Alice tries to delete the task 'Renew the certificate'
    Then Alice should be told the task does not exist

  Scenario: A deleted task cannot be completed
    Given Bob has deleted the task 'Renew the certificate'
    When Alice tries to complete the task 'Renew the certificate'
    Then Alice should be told the task does not exist

  Scenario: A new task never takes the place of a deleted one
    Given Bob has deleted the task 'Renew the certificate'
    And Alice has added the task 'Renew the new certificate'
    When Alice tries to look at the task 'Renew the certificate'
    Then Alice should be told the task does not exist
