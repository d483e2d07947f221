@fixture.server.per_scenario
Feature: Joining a team on the board
  As someone who works in a team
  I want to join the task board under my name and my team's name
  So that my teammates and I share one board of tasks

  Words: [member](glossary.md#member), [team](glossary.md#team), [token](glossary.md#token).

  Background:
    Given Alice is a member of team Apollo

  Rule: Anyone can join, with a name and a team name, and gets a token

    Scenario: A newcomer joins the board and is known by name and team
      When Dana joins the board as a member of team Gemini
      Then the board should recognise Dana as a member of team Gemini

    Scenario: Whoever joins a team later shares its board
      Given Alice has added the task 'Renew the certificate'
      When Bob joins the board as a member of team Apollo
      Then Bob should see 'Renew the certificate' on the Apollo board

  Rule: Team names are not case-sensitive

    Scenario: Team names are not case-sensitive
      When Bob joins the board as a member of team APOLLO
      Then the board should recognise Bob as a member of team Apollo

  Rule: A name belongs to one person only, whatever their team and capitals

    Scenario: A name belongs to one person only, whatever their team
      When a newcomer tries to join team Gemini as Alice
      Then the newcomer should be told the name is already taken

    Scenario: Names that differ only in capitals are the same name
      When a newcomer tries to join team Gemini as ALICE
      Then the newcomer should be told the name is already taken

  Rule: A name and a team name are both needed, at most 50 characters each

    # Missing names are sent on purpose: no contract check.
    @no_contract
    Scenario Outline: A name and a team name are both needed, at most 50 characters each
      When a newcomer tries to join the board with <detail>
      Then the newcomer should be told <complaint>

      Examples:
        | detail                       | complaint                       |
        | no name                      | the name is required            |
        | a blank name                 | the name must not be blank      |
        | a name of 51 characters      | the name is too long            |
        | no team name                 | the team name is required       |
        | a blank team name            | the team name must not be blank |
        | a team name of 51 characters | the team name is too long       |

    Scenario Outline: Names and team names of up to 50 characters are welcome
      When a newcomer joins the board with <detail>
      Then the newcomer should be welcomed with <detail>

      Examples:
        | detail                       |
        | a name of 50 characters      |
        | a team name of 50 characters |
