@fixture.server.per_scenario
Feature: Talking over the board's live socket
  As a client of the task board
  I want the members watching a board to talk to each other over their connections
  So that a team can discuss its work where it sees it change

  Background:
    Given I send a POST request to "/board/users" with JSON:
      """
      {"name": "alice", "team": "apollo"}
      """
    And I save the JSON value at "$.token" as "alice_token"
    And I send a POST request to "/board/users" with JSON:
      """
      {"name": "bob", "team": "apollo"}
      """
    And I save the JSON value at "$.token" as "bob_token"

  Scenario: What one member says reaches another, on a connection of their own
    Given the request header "Authorization" is "Bearer ${alice_token}"
    And I open a WebSocket "alice" to "/board/live"
    And the request header "Authorization" is "Bearer ${bob_token}"
    And I open a WebSocket "bob" to "/board/live"
    When I send this JSON on the WebSocket "alice":
      """
      {"type": "say", "text": "Lunch at noon?"}
      """
    Then the WebSocket "bob" should receive a message containing:
      """
      {"type": "said", "by": "alice", "text": "Lunch at noon?"}
      """

  Scenario: Each member is welcomed by name
    Given the request header "Authorization" is "Bearer ${bob_token}"
    When I open a WebSocket "bob" to "/board/live"
    Then the next message on the WebSocket "bob" should be:
      """
      {"type": "welcome", "member": "bob", "team": "apollo"}
      """
