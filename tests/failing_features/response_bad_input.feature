Feature: Deliberately bad input to the response assertion steps
  As a feature writer
  I want mistakes in my expectations reported clearly
  So that I can fix them without reading the kit's code

  Scenario: Malformed expected JSON doc-string
    When I send a GET request to "/samples/catalog"
    Then the JSON response should contain:
      """
      {"currency": "EUR",}
      """

  Scenario: Missing expected JSON doc-string
    When I send a GET request to "/samples/catalog"
    Then the JSON response should contain:

  Scenario: Invalid JSONPath
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[" should exist

  Scenario: JSONPath with a dash after a dot
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers.X-Trace" should exist

  Scenario: Invalid condition in a marker
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.count" should be "#? => 1"

  Scenario: A bound that is not a number
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.count" should be at least three

  Scenario: Invalid regular expression for a header
    When I send a GET request to "/samples/catalog"
    Then the response header "X-Request-Id" should match "[0-9a-f"

  Scenario: Invalid regular expression for the body
    When I send a GET request to "/samples/ping"
    Then the response body should match "(pong"

  Scenario: Invalid regular expression in a marker
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].sku" should be "#regex [A-Z"

  Scenario: Unknown fuzzy marker
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items" should contain:
      """
      {"price": "#nubmer"}
      """

  Scenario: Missing schema file
    When I send a GET request to "/samples/catalog"
    Then the JSON response should match the schema in "schemas/no_such_schema.json"

  Scenario: Invalid JSON Schema
    When I send a GET request to "/samples/catalog"
    Then the JSON response should match the schema:
      """
      {"type": "catalogue"}
      """

  Scenario: Not a list of status codes
    When I send a GET request to "/samples/ping"
    Then the response status should be one of 200, OK

  Scenario: Not a status class
    When I send a GET request to "/samples/ping"
    Then the response status should be 6xx

  Scenario: Inline text and a doc-string
    When I send a GET request to "/samples/ping"
    Then the response body should be "pong"
      """
      pong
      """

  Scenario: A JSON step on a body that is not JSON
    When I send a GET request to "/samples/ping"
    Then the JSON value at "$.message" should be "pong"

  Scenario: Repeating a request zero times
    Given I send a GET request to "/samples/eventually-ready"
    When I repeat the request until the response status is 200, at most 0 times every 10 ms

  Scenario: Checking a response before any request
    Then the response status should be 200
