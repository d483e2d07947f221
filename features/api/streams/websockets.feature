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

  Scenario: Collected messages are checked in order, and each against one pattern
    Given I open a WebSocket to "/ws/echo"
    And I send this JSON on the WebSocket:
      """
      {"n": 1}
      """
    And I send this JSON on the WebSocket:
      """
      {"n": 2}
      """
    When I collect 2 messages on the WebSocket
    Then the messages collected on the WebSocket should be:
      """
      [{"n": 1}, {"n": 2}]
      """
    And each message collected on the WebSocket should match:
      """
      {"n": "#number"}
      """

  Scenario: A message is checked for what it contains
    Given I open a WebSocket to "/ws/echo"
    When I send this JSON on the WebSocket:
      """
      {"type": "note", "text": "hi", "at": "12:00"}
      """
    Then the next message on the WebSocket should contain:
      """
      {"type": "note"}
      """

  Scenario: A close without a reason is checked by its code
    Given messages and events are awaited for at most 2000 ms
    And I open a WebSocket to "/ws/echo"
    When I send this JSON on the WebSocket:
      """
      {"close": 4001}
      """
    Then the WebSocket should be closed with the code 4001

  Scenario: Closing one connection leaves the others open
    Given I open a WebSocket "first" to "/ws/echo"
    And I open a WebSocket "second" to "/ws/echo"
    And I send "still here" on the WebSocket "second"
    When I close the WebSocket "first"
    Then the next message on the WebSocket "second" should be "still here"
