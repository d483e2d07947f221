Feature: A base path for the requests of a feature
  As a tester of an API that lives under a common prefix
  I want to write the prefix once, in the Background
  So that each scenario shows only the part of the path that matters

  Background:
    Given the base path is "/api"

  Scenario: A path with a leading slash goes under the base path
    When I send a POST request to "/data" with JSON:
      """
      {"name": "Ada"}
      """
    Then the response status should be 200
    And the JSON value at "$.name" should be "Ada"

  Scenario: A path without a leading slash goes under the base path too
    When I send a POST request to "data" with JSON:
      """
      {"name": "Grace"}
      """
    Then the response status should be 200
    And the JSON value at "$.name" should be "Grace"

  Scenario: A base path of "/" goes back to the root of the server
    Given the base path is "/"
    When I send a GET request to "/health"
    Then the response status should be 200
    And the JSON value at "$.message" should be "OK"
