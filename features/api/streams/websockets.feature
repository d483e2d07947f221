Feature: WebSockets
  As a tester of a service that talks over WebSockets
  I want to open connections, send messages and expect the service's answers
  So that I can specify live features as precisely as requests and responses

  Scenario: A text message comes back as it was sent
    Given I open a WebSocket to "/ws/echo"
    When I send "hello" on the WebSocket
    Then the next message on the WebSocket should be "hello"

  Scenario: A JSON message is checked with fuzzy markers
    Given I open a WebSocket to "/ws/echo"
    When I send this JSON on the WebSocket:
      """
      {"id": 7, "tags": ["urgent", "ops"], "note": null}
      """
    Then the next message on the WebSocket should be:
      """
      {"id": "#number", "tags": "#[2] #string", "note": "#null"}
      """

  Scenario: The server chooses the first subprotocol it speaks
    When I open a WebSocket to "/ws/echo" with the subprotocol "echo.v3, echo.v2, echo.v1"
    Then the subprotocol of the WebSocket should be "echo.v2"

  Scenario: The server closes the connection with a code and a reason
    Given I open a WebSocket to "/ws/echo"
    When I send this JSON on the WebSocket:
      """
      {"close": 4000, "reason": "bye"}
      """
    Then the WebSocket should be closed with the code 4000 and the reason "bye"

  Scenario: Several messages are collected, then checked in any order
    Given I open a WebSocket to "/ws/echo"
    And I send "{}" on the WebSocket
    And I send "[]" on the WebSocket
    When I collect 2 messages on the WebSocket
    Then the messages collected on the WebSocket should contain only:
      """
      [[], {}]
      """
