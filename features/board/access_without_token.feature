# Every request here goes without a member's token on purpose: no contract check.
@fixture.server.per_scenario @no_contract
Feature: Only members can use the board
  As a team that keeps its work on the board
  I want every use of the board to need a member's token
  So that strangers can neither read nor change our tasks

  Words: [member](glossary.md#member), [token](glossary.md#token), [board](glossary.md#board).

  Background:
    Given Alice is a member of team Apollo
    And Alice has added the task 'Renew the certificate'
    And Victor has not joined the board

  Rule: Anyone may ask whether the board is up, without a token

    Scenario: Anyone may check that the board is up
      When Victor checks whether the board is up
      Then Victor should be told the board is up

  Rule: Without a token, the board does nothing else

    Scenario Outline: Someone who has not joined can do nothing with a task
      When Victor tries to <attempt>
      Then Victor should be told to join the board first
      And the task 'Renew the certificate' should be unchanged

      Examples:
        | attempt                                                  |
        | look at the task 'Renew the certificate'                 |
        | rename the task 'Renew the certificate' to 'Hijacked'    |
        | give the task 'Renew the certificate' the status 'doing' |
        | complete the task 'Renew the certificate'                |
        | delete the task 'Renew the certificate'                  |

    Scenario: Someone who has not joined cannot add tasks
      When Victor tries to add the task 'Sneak in'
      Then Victor should be told to join the board first
      And Alice should not see 'Sneak in' on the Apollo board

    Scenario: Someone who has not joined cannot look at a board
      When Victor tries to look at the Apollo board
      Then Victor should be told to join the board first

    Scenario: The board does not say who someone is without a token
      When Victor asks the board who he is
      Then Victor should be told to join the board first

  Rule: Only a token the board gave out counts

    Scenario: A made-up token is no better than none
      Given Mallory has a token the board never gave out
      When Mallory tries to look at the Apollo board
      Then Mallory should be told to join the board first
