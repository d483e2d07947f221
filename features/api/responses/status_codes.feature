Feature: Response status codes
  As a client developer
  I want the catalogue to answer with conventional HTTP status codes
  So that my client can tell success from failure without reading the body

  Scenario: Reading the catalogue succeeds
    When I send a GET request to "/samples/catalog"
    Then the response status should be 200
    And the response status should be 2xx

  Scenario: Asking for an unknown item is the client's mistake
    When I send a GET request to "/samples/catalog/items/NOPE-999"
    Then the response status should be 4xx
    And the JSON value at "$.error" should be "not_found"

  Scenario: A job that is still running is accepted rather than failed
    When I send a GET request to "/samples/eventually-ready?after=2&key=status-codes"
    Then the response status should be one of 200, 202
    And the JSON value at "$.state" should be "pending"
