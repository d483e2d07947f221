@fixture.server.per_scenario
Feature: Adding tasks to the team's board
  As a member of a team
  I want to add the work we have to do to our board
  So that everyone in the team knows about it

  Words: [member](glossary.md#member), [task](glossary.md#task), [team](glossary.md#team),
  [status](glossary.md#status), [version](glossary.md#version).

  Background:
    Given Alice and Bob are members of team Apollo

  Rule: A new task is on the board of the team of whoever added it

    Scenario: A new task is on the board for the whole team
      When Alice adds the task 'Renew the certificate'
      Then Bob should see 'Renew the certificate' on the Apollo board

  Rule: Only a title is needed; the other details have defaults

    Scenario: A new task is 'todo', unassigned, without a due date, at its first version
      When Alice adds the task 'Renew the certificate'
      Then the task should have these details:
        | number     | 1      |
        | status     | todo   |
        | team       | Apollo |
        | created by | Alice  |
        | assignee   |        |
        | due date   |        |
        | version    | 1      |

    Scenario: A task shows when it was added and last changed
      When Alice adds the task 'Renew the certificate'
      Then the task should show when it was added and last changed

  Rule: Any detail can be given as the task is added

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
