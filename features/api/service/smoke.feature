Feature: Smoke test document
  As a developer wiring a client to the service
  I want a fixed document at a well-known path
  So that I can check my client end to end before using the real API

  Scenario: The smoke test document describes the service
    When I send a GET request to "/test"
    Then the response status should be 200
    And the JSON value at "$.name" should be "behave-live demo"
    And the JSON value at "$.version" should be 1
    And the JSON value at "$.tags[0]" should be "demo"
