Feature: Deliberately bad step input
  As a feature writer
  I want mistakes in my feature files reported clearly
  So that I can fix them without reading the kit's code

  Scenario: Malformed JSON doc-string
    When I send a POST request to "/api/data" with JSON:
      """
      {"name": "Ada",}
      """

  Scenario: HTTP method that is not a token
    When I send a GET/1.1 request to "/health"

  Scenario: Expected value that is not JSON
    When I send a GET request to "/health"
    Then the JSON value at "$.message" should be OK
