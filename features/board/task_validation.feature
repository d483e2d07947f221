# Requests that break the rules are sent on purpose: no contract check.
@fixture.server.per_scenario @no_contract
Feature: The rules every task follows
  As a team that relies on its board
  I want the board to refuse a task that breaks a rule, and to say which rule
  So that every task on the board is complete and makes sense

  Words: [task](glossary.md#task), [status](glossary.md#status), [refusal](glossary.md#refusal).

  Background:
    Given Alice and Bob are members of team Apollo
    And Carol is a member of team Gemini

  Rule: A task that breaks a rule is refused, with the reason

    Scenario Outline: A task that breaks a rule is refused, with the reason
      When Alice tries to add a task with <detail>
      Then Alice should be told <complaint>

      Examples: A title is required, at most 200 characters long
        | detail                    | complaint                   |
        | no title                  | the title is required       |
        | an empty title            | the title must not be blank |
        | a blank title             | the title must not be blank |
        | a title of 201 characters | the title is too long       |

      Examples: A description is at most 2000 characters long
        | detail                           | complaint                   |
        | a description of 2001 characters | the description is too long |

      Examples: The status is 'todo', 'doing' or 'done'
        | detail                   | complaint                             |
        | the status 'finished'    | the status is not one the board knows |
        | the status 'Done'        | the status is not one the board knows |
        | the status 'in progress' | the status is not one the board knows |
        | an empty status          | the status is not one the board knows |

      Examples: A due date is a day of the calendar, written year-month-day
        | detail                    | complaint                                 |
        | the due date '15/04/2030' | the due date is not a date                |
        | the due date '2030-4-15'  | the due date is not a date                |
        | the due date 'tomorrow'   | the due date is not a date                |
        | the due date '2030-02-30' | the due date is not a day of the calendar |

      Examples: A task can be given only to a member of the team
        | detail             | complaint                                |
        | the assignee Carol | the assignee is not a member of the team |
        | the assignee Zoe   | the assignee is not a member of the team |

  Rule: A task that keeps to the rules is accepted, up to the limits

    Scenario Outline: A task that keeps to the rules is accepted, up to the limits
      When Alice adds a task with <detail>
      Then the task should have <detail>

      Examples:
        | detail                           |
        | a title of 1 character           |
        | a title of 200 characters        |
        | no description                   |
        | an empty description             |
        | a description of 2000 characters |
        | the status 'todo'                |
        | the status 'doing'               |
        | the status 'done'                |
        | the due date '2028-02-29'        |
        | the assignee Bob                 |
        | the assignee Alice               |

  Rule: Every broken rule is reported at once

    Scenario: Every broken rule is reported at once
      When Alice tries to add a task with these details:
        | detail                 |
        | no title               |
        | the status 'finished'  |
        | the due date 'someday' |
      Then Alice should be told the title is required
      And Alice should be told the status is not one the board knows
      And Alice should be told the due date is not a date
