Feature: Deliberately bad request step input
  As a feature writer
  I want mistakes in request steps reported clearly
  So that I can fix them without reading the kit's code

  Scenario: A base path that is a URL
    Given the base path is "http://example.com/api"

  Scenario: A timeout of zero
    Given requests time out after 0 ms

  Scenario: A cookie name with a space
    Given the cookie "my cookie" is "1"

  Scenario: A header name with a colon
    Given the request header "X-Trace:" is "abc"

  Scenario: An empty bearer token
    Given the variable "token" is ""
    And I am authenticated with the bearer token "${token}"

  Scenario: Saving a JSON value that is not there
    When I send a GET request to "/health"
    Then I save the JSON value at "$.id" as "id"

  Scenario: Saving a response header that is not there
    When I send a GET request to "/health"
    Then I save the response header "Location" as "location"

  Scenario: Saving under a name that cannot be referred to
    When I send a GET request to "/health"
    Then I save the response status as "1st status"

  Scenario: Saving before any request
    Given I save the response status as "status"

  Scenario: A JSON step without its doc-string
    When I send a POST request to "/api/data" with JSON:

  Scenario: A table after a step that takes none
    When I send a GET request to "/inspect"
      | name | value |
      | page | 2     |
