Feature: Request timeouts
  As a tester of an API with response-time expectations
  I want to bound how long a request may wait for its answer
  So that a slow or hung endpoint fails the scenario instead of stalling the run

  Scenario: An answer that comes within the timeout passes
    Given requests time out after 2000 ms
    When I send a GET request to "/slow?ms=50"
    Then the response status should be 200
    And the JSON value at "$.slept_ms" should be 50
