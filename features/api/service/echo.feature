Feature: Echo posted data
  As a client developer
  I want the service to send back the JSON object I post
  So that I can see exactly what the service received

  Scenario: A JSON object comes back unchanged
    When I send a POST request to "/api/data" with JSON:
      """
      {"name": "Ada", "languages": ["en", "fr"], "admin": false}
      """
    Then the response status should be 200
    And the JSON value at "$.name" should be "Ada"
    And the JSON value at "$.languages" should be ["en", "fr"]
    And the JSON value at "$.admin" should be false

  Scenario: Malformed JSON is rejected with a reason
    When I send a POST request to "/api/data" with a "application/json" body:
      """
      {"name": "Ada",
      """
    Then the response status should be 400
    And the JSON value at "$.error" should be "bad_request"
    And the JSON value at "$.detail" should be "#regex The request body is not valid JSON: .*"

  Scenario: A JSON array is rejected because only objects are accepted
    When I send a POST request to "/api/data" with JSON:
      """
      [1, 2, 3]
      """
    Then the response status should be 400
    And the JSON value at "$.detail" should be "The request body must be a JSON object, got an array."
