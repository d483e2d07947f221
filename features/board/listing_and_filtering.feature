@fixture.server.per_scenario
Feature: Looking at the team's tasks
  As a member of a team
  I want to see my team's tasks, or only the ones I am looking for
  So that I can find what to work on next

  Words: [board](glossary.md#board), [status](glossary.md#status), [page](glossary.md#page).

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added these tasks:
      | title                 | status | assignee |
      | Renew the certificate | todo   | Alice    |
      | Review the budget     | doing  | Bob      |
      | Water the plants      | done   | Bob      |
      | Book the venue        | todo   |          |

  Rule: The board shows every task of the team, oldest first

    Scenario: The board shows every task of the team, oldest first
      When Bob looks at the Apollo board
      Then Bob should see these tasks:
        | title                 | status | assignee | created by |
        | Renew the certificate | todo   | Alice    | Alice      |
        | Review the budget     | doing  | Bob      | Alice      |
        | Water the plants      | done   | Bob      | Alice      |
        | Book the venue        | todo   |          | Alice      |

  Rule: The board can be narrowed to one status, one assignee, or both

    Scenario: Looking only at the tasks with one status
      When Bob looks at the 'todo' tasks on the Apollo board
      Then Bob should see these tasks:
        | title                 |
        | Renew the certificate |
        | Book the venue        |

    Scenario: Looking only at the tasks of one person
      When Alice looks at the tasks assigned to Bob on the Apollo board
      Then Alice should see these tasks:
        | title             | assignee |
        | Review the budget | Bob      |
        | Water the plants  | Bob      |

    Scenario: Looking at one person's tasks with one status
      When Alice looks at the 'done' tasks assigned to Bob on the Apollo board
      Then Alice should see these tasks:
        | title            |
        | Water the plants |

    Scenario: When no task matches, the board shows none
      When Alice looks at the 'doing' tasks assigned to Alice on the Apollo board
      Then Alice should see no tasks

  Rule: Only the board's own statuses can be looked for

    # A status the board does not know, asked for on purpose: no contract check.
    @no_contract
    Scenario: Looking for a status the board does not know is refused
      When Alice tries to look at the 'finished' tasks on the Apollo board
      Then Alice should be told the status is not one the board knows
