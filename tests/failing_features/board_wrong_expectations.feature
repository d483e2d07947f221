Feature: Deliberately wrong expectations about the task board
  As the maintainers of the board's domain steps
  We want a wrong expectation to fail with a message anyone can follow
  So that a failing stakeholder scenario explains itself

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'

  Scenario: A task that was never added
    Then Bob should see 'Order new laptops' on the Apollo board

  Scenario: A task that should be gone
    Then Bob should not see 'Renew the certificate' on the Apollo board

  Scenario: A wrong status
    Then the task should have the status 'done'

  Scenario: A wrong detail on the board
    Then Bob should see 'Renew the certificate' on the Apollo board with the assignee Bob

  Scenario: Wrong details
    Then the task should have these details:
      | status   | doing |
      | assignee | Bob   |
      | version  | 1     |

  Scenario: A refusal that does not come
    When Alice adds a task with a title of 200 characters
    Then Alice should be told the title is too long

  @no_contract
  Scenario: A different refusal
    When Alice tries to add a task with the status 'finished'
    Then Alice should be told the due date is not a date

  Scenario: A wrong list
    When Bob looks at the Apollo board
    Then Bob should see these tasks:
      | title                 | status |
      | Renew the certificate | doing  |
      | Book the venue        | todo   |

  Scenario: A change where none was expected
    When Bob renames the task 'Renew the certificate' to 'Renewed'
    Then the task 'Renew the certificate' should be unchanged

  Scenario: Allowed where refusal was expected
    When Bob tries to look at the task 'Renew the certificate'
    Then Bob should be told the task belongs to another team

  Scenario: A wrong recognition
    Then the board should recognise Bob as a member of team Gemini

  Scenario: Not the last actor
    When Bob tries to look at the task 'Renew the certificate'
    Then Alice should be told the task does not exist

  Scenario: An unknown answer
    When Bob tries to look at the task 'Renew the certificate'
    Then Bob should be told the sky is falling

  Scenario: A set-up step the board refuses
    Given Bob has given the task 'Renew the certificate' the assignee Carol
