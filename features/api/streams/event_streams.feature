Feature: Server-sent events and streamed bodies
  As a tester of a service that streams its answers
  I want to read events and chunks as they arrive
  So that I can specify feeds and long answers, not only whole responses

  Scenario: A number of events is read, with their names and data
    When I read 3 events from "/stream/countdown?from=3"
    Then the events read should be named "tick, tick, tick"
    And the data of the events read should be:
      """
      [{"left": 2}, {"left": 1}, {"left": 0}]
      """

  Scenario: Events are read until one with a given name
    When I read events from "/stream/countdown?from=2" until one named "liftoff"
    Then the events read should be named "tick, tick, liftoff"
    And the data of event 3 should be:
      """
      {"left": 0}
      """

  Scenario: The stream's response is checked like any other
    When I read 1 event from "/stream/countdown"
    Then the response status should be 200
    And the response header "Content-Type" should contain "text/event-stream"

  Scenario: A body streamed in chunks is read chunk by chunk
    When I send a GET request to "/stream/chunks?count=3" and read the body as it streams
    Then the body should have been streamed in 3 chunks
    And chunk 2 of the body should be "part 2;"
    And the response body should be "part 1;part 2;part 3;"

  Scenario: Events are read until one whose data contains some JSON
    When I read events from "/stream/countdown?from=5" until one contains:
      """
      {"left": 2}
      """
    Then the data of the events read should contain:
      """
      [{"left": 4}, {"left": 2}]
      """
