@fixture.server.per_scenario
Feature: The board's activity feed
  As a client of the task board
  I want my team's activity as server-sent events, from where I left off
  So that I can catch up after a break and then follow along

  Background:
    Given I send a POST request to "/board/users" with JSON:
      """
      {"name": "alice", "team": "apollo"}
      """
    And I save the JSON value at "$.token" as "alice_token"
    And I am authenticated with the bearer token "${alice_token}"

  Scenario: The feed replays what the team did, then says it has caught up
    Given I send a POST request to "/board/tasks" with JSON:
      """
      {"title": "Renew the certificate"}
      """
    And I send a POST request to "/board/tasks/1/complete"
    When I read events from "/board/events" until one named "caught-up"
    Then the events read should be named "task-added, task-completed, caught-up"
    And the data of event 2 should contain:
      """
      {"by": "alice", "task": {"id": 1, "status": "done", "version": 2}}
      """

  Scenario: A client that saw some events gets only the later ones
    Given I send a POST request to "/board/tasks" with JSON:
      """
      {"title": "Renew the certificate"}
      """
    And I send a POST request to "/board/tasks/1/complete"
    And the request header "Last-Event-ID" is "1"
    When I read events from "/board/events" until one named "caught-up"
    Then the events read should be named "task-completed, caught-up"

  Scenario: The feed needs a token
    Given I am authenticated with the bearer token "not-a-token-of-this-board"
    When I send a GET request to "/board/events"
    Then the response status should be 401
