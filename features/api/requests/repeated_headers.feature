Feature: A request header with several values
  As a tester of an API that reads list-valued headers
  I want to give a header on several rows of a table
  So that I can send every value a client would send

  Scenario: A header named on several rows arrives as one list, in order
    Given the request headers are:
      | name            | value     |
      | X-Forwarded-For | 10.0.0.1  |
      | X-Forwarded-For | 10.0.0.2  |
    When I send a GET request to "/headers/received/X-Forwarded-For"
    Then the JSON value at "$.lines" should be ["10.0.0.1, 10.0.0.2"]

  Scenario: A header named on several rows of a request's own table is joined too
    When I send a GET request to "/headers/received/Accept" with the headers:
      | name   | value            |
      | Accept | application/json |
      | accept | text/plain       |
    Then the JSON value at "$.lines" should be ["application/json, text/plain"]
