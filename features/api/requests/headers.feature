Feature: Request headers
  As a tester of an API that reads request headers
  I want to set headers for every request, for the next request, or for one request
  So that I can specify content negotiation, tracing and similar behaviour

  Background:
    Given every request has the header "Accept" with "application/json"

  Scenario: A header for every request is sent
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers.accept" should be "application/json"

  Scenario: A header for the next request is sent along with the headers for every request
    Given the request header "X-Trace" is "abc-123"
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers['x-trace']" should be "abc-123"
    And the JSON value at "$.headers.accept" should be "application/json"

  Scenario: The headers of a table are sent with the next request
    Given the request headers are:
      | name            | value   |
      | X-Trace         | abc-123 |
      | Accept-Language | fr      |
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers['x-trace']" should be "abc-123"
    And the JSON value at "$.headers['accept-language']" should be "fr"

  Scenario: A header for the next request wins over the same header for every request
    Given the request header "Accept" is "text/plain"
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers.accept" should be "text/plain"

  Scenario: Headers given with the request are sent with that request
    When I send a GET request to "/inspect" with the headers:
      | name    | value   |
      | X-Trace | xyz-789 |
      | Accept  | text/*  |
    Then the JSON value at "$.headers['x-trace']" should be "xyz-789"
    And the JSON value at "$.headers.accept" should be "text/*"
