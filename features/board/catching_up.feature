@fixture.server.per_scenario
Feature: Catching up on the team's activity
  As a member of a team coming back to work
  I want to read what my teammates did while I was away
  So that I know what changed without asking around

  Words: [member](glossary.md#member), [team](glossary.md#team), [task](glossary.md#task).

  Background:
    Given Alice and Bob are members of team Apollo

  Rule: A member can read what the team did, in the order it was done

    Scenario: A member reads what the team did, in order
      Given Alice has added the task 'Renew the certificate'
      And Alice has completed the task 'Renew the certificate'
      When Bob catches up on the Apollo board's activity
      Then Bob should read this activity:
        | who   | did       | task                  |
        | Alice | added     | Renew the certificate |
        | Alice | completed | Renew the certificate |

  Rule: Only the member's own team's activity is shown

    Scenario: Another team's activity is not among what a member reads
      Given Carol is a member of team Gemini
      And Carol has added the task 'Plan the launch'
      When Bob catches up on the Apollo board's activity
      Then Bob should read no activity
