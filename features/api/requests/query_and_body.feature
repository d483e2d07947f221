Feature: Query parameters with a body
  As a tester of an API whose endpoints take a query and a body at once
  I want to give the query parameters before the request that sends the body
  So that one request can carry both

  Scenario: Query parameters and a JSON body arrive in the same request
    Given the query parameters are:
      | name    | value |
      | dry_run | true  |
      | tag     | a b   |
    When I send a POST request to "/inspect?page=2" with JSON:
      """
      {"name": "Ada"}
      """
    Then the JSON value at "$.query" should be {"page": ["2"], "dry_run": ["true"], "tag": ["a b"]}
    And the JSON value at "$.json" should be {"name": "Ada"}
