@fixture.server.per_scenario
Feature: Live updates of the team's board
  As a member of a team
  I want to see my teammates' changes the moment they make them
  So that I never work from a board that is out of date

  Words: [member](glossary.md#member), [team](glossary.md#team), [board](glossary.md#board),
  [token](glossary.md#token).

  Background:
    Given Alice and Bob are members of team Apollo

  Rule: Whoever watches the team's board sees each change as it is made

    Scenario: A teammate sees a new task appear without looking again
      Given Bob is watching the Apollo board
      When Alice adds the task 'Renew the certificate'
      Then Bob should see 'Renew the certificate' appear on the board

    Scenario: A teammate sees a task being done
      Given Alice has added the task 'Renew the certificate'
      And Alice has opened the task 'Renew the certificate'
      And Bob is watching the Apollo board
      When Alice completes the task as she opened it
      Then Bob should see 'Renew the certificate' marked as done

  Rule: Only the team's own work shows on its board

    Scenario: Another team's work never shows on the board being watched
      Given Carol is a member of team Gemini
      And Bob is watching the Apollo board
      And Carol has added the task 'Plan the launch'
      When Alice adds the task 'Renew the certificate'
      Then Bob should see 'Renew the certificate' appear on the board

  Rule: Teammates watching the board can talk to each other

    Scenario: Teammates watching the board can talk to each other
      Given Alice is watching the Apollo board
      And Bob is watching the Apollo board
      When Alice tells the team 'Lunch at noon?'
      Then Bob should hear Alice say 'Lunch at noon?'

  Rule: Only members can watch a board

    Scenario: Only members can watch a board
      Given Victor has not joined the board
      When Victor tries to watch the Apollo board
      Then Victor should be turned away from the live board
