@fixture.server.per_scenario
Feature: The team's dashboard
  As a team lead
  I want a dashboard that sums up our board by status
  So that I see at a glance how much work is left

  Words: [team](glossary.md#team), [task](glossary.md#task), [status](glossary.md#status).

  Background:
    Given Alice and Bob are members of team Apollo

  Rule: The dashboard counts the tasks of the team of whoever opens it, by status

    Scenario: The dashboard counts the team's tasks by status
      Given Alice has added these tasks:
        | title                 | status |
        | Renew the certificate | todo   |
        | Rotate the keys       | doing  |
        | Archive the old logs  | done   |
      When Bob opens the team's dashboard
      Then Bob should see on the dashboard 3 tasks: 1 to do, 1 in progress, 1 done

    Scenario: Another team's tasks are not counted
      Given Carol is a member of team Gemini
      And Carol has added the task 'Plan the launch'
      When Bob opens the team's dashboard
      Then Bob should see on the dashboard 0 tasks: 0 to do, 0 in progress, 0 done

  Rule: A task added from the dashboard is added to the team's board

    Scenario: A task added from the dashboard is on the board for the whole team
      When Alice adds the task 'Water the plants' from the dashboard
      Then Bob should see 'Water the plants' on the Apollo board
