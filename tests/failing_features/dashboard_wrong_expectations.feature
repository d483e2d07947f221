# Fails on purpose: tests/test_graphql_steps.py checks the message.
Feature: A dashboard that does not show what was expected
  As a team lead
  I want a wrong count on the dashboard to fail in the dashboard's own words
  So that I can tell what the team saw

  Scenario: A wrong count
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'
    When Bob opens the team's dashboard
    Then Bob should see on the dashboard 2 tasks: 2 to do, 0 in progress, 0 done
