Feature: Adding tasks to the team's board
  As a member of a team
  I want to add the work we have to do to our board
  So that everyone in the team knows about it

  Background:
    Given Alice and Bob are members of team Apollo

  Scenario: A new task is on the board for the whole team
    When Alice adds the task 'Renew the certificate'
    Then Bob should see 'Renew the certificate' on the Apollo board

  Scenario: A new task is 'todo', unassigned, without a due date, at its first version
    When Alice adds the task 'Renew the certificate'
    Then the task should have these details:
      | status     | todo  |
      | created by | Alice |
      | assignee   |       |
      | due date   |       |
      | version    | 1     |

  Scenario: A task can be added with all its details at once
    When Alice adds these tasks:
      | title                 | description                        | status | assignee | due date   |
      | Renew the certificate | The TLS certificate expires in May | doing  | Bob      | 2030-05-01 |
    Then the task should have these details:
      | description | The TLS certificate expires in May |
      | status      | doing                              |
      | assignee    | Bob                                |
      | due date    | 2030-05-01                         |

  Scenario: A task can have a due date
    When Alice adds the task 'File the tax return' with the due date '2030-04-15'
    Then Bob should see 'File the tax return' on the Apollo board with the due date '2030-04-15'

  Scenario: A task can be given to a teammate as it is added
    When Alice adds the task 'Review the budget' with the assignee Bob
    Then Bob should see 'Review the budget' on the Apollo board with the assignee Bob
