@fixture.server.per_scenario
Feature: Long boards are shown a page at a time
  As a member of a team with a lot of work
  I want to look at our board one page at a time
  So that a long board stays quick to read

  Words: [page](glossary.md#page), [board](glossary.md#board).

  Background:
    Given Alice is a member of team Apollo
    And Alice has added 25 tasks, named 'Task 1' to 'Task 25'

  Rule: The board shows 20 tasks at a time unless asked otherwise

    Scenario: The board shows the first 20 tasks unless asked otherwise
      When Alice looks at the Apollo board
      Then Alice should see the tasks 'Task 1' to 'Task 20'
      And Alice should see that there are 25 tasks in all

  Rule: A later page is reached by skipping the tasks already seen

    Scenario: A later page is reached by skipping the tasks already seen
      When Alice looks at the Apollo board 10 tasks at a time, skipping the first 20
      Then Alice should see the tasks 'Task 21' to 'Task 25'
      And Alice should see that there are 25 tasks in all

    Scenario: Skipping tasks without a page size shows the usual 20 after them
      When Alice looks at the Apollo board, skipping the first 3 tasks
      Then Alice should see the tasks 'Task 4' to 'Task 23'

    Scenario: Skipping past the last task shows no tasks
      When Alice looks at the Apollo board 10 tasks at a time, skipping the first 30
      Then Alice should see no tasks
      And Alice should see that there are 25 tasks in all

  Rule: A page holds from 1 to 100 tasks

    Scenario Outline: A page holds from 1 to 100 tasks
      When Alice looks at the Apollo board <page size> tasks at a time
      Then Alice should see <shown> tasks

      Examples:
        | page size | shown |
        | 1         | 1     |
        | 25        | 25    |
        | 100       | 25    |

    Scenario Outline: Page sizes outside 1 to 100 are refused
      When Alice tries to look at the Apollo board <page size> tasks at a time
      Then Alice should be told the page size must be from 1 to 100

      Examples:
        | page size |
        | 0         |
        | 101       |
        | -5        |

  Rule: The number of tasks to skip is 0 or more

    Scenario: A negative number of tasks cannot be skipped
      When Alice tries to look at the Apollo board, skipping the first -1 tasks
      Then Alice should be told the number of tasks to skip cannot be negative
