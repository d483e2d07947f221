@fixture.server.per_scenario
Feature: The board's live socket
  As a client of the task board
  I want the changes of my team's board pushed to me over a WebSocket
  So that I can show them without asking the board again and again

  Background:
    Given I send a POST request to "/board/users" with JSON:
      """
      {"name": "alice", "team": "apollo"}
      """
    And I save the JSON value at "$.token" as "alice_token"
    And I am authenticated with the bearer token "${alice_token}"

  Scenario: The socket welcomes a member of the team
    When I open a WebSocket to "/board/live"
    Then the next message on the WebSocket should be:
      """
      {"type": "welcome", "member": "alice", "team": "apollo"}
      """

  Scenario: A task added over HTTP is pushed to the socket
    Given I open a WebSocket to "/board/live"
    And I collect 1 message on the WebSocket
    When I send a POST request to "/board/tasks" with JSON:
      """
      {"title": "Renew the certificate"}
      """
    Then the next message on the WebSocket should be:
      """
      {
        "type": "task-added",
        "by": "alice",
        "task": {
          "id": "#number", "title": "Renew the certificate", "status": "todo",
          "description": null, "assignee": null, "due_date": null, "team": "apollo",
          "created_by": "alice", "version": 1, "created_at": "#string", "updated_at": "#string"
        }
      }
      """

  Scenario: A message the board cannot read is answered with an error
    Given I open a WebSocket to "/board/live"
    And I collect 1 message on the WebSocket
    When I send "hello?" on the WebSocket
    Then the next message on the WebSocket should be:
      """
      {"type": "error", "detail": "#regex Send JSON such as .*"}
      """

  Scenario: A socket without a token is closed with 4401
    Given I am authenticated with the bearer token "not-a-token-of-this-board"
    When I open a WebSocket to "/board/live"
    Then the WebSocket should be closed with the code 4401 and the reason "The API token is not known to this board"
