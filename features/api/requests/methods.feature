Feature: Requests with every HTTP method
  As a developer of an HTTP API
  I want to send requests with each of the common HTTP methods
  So that I can specify every endpoint, whatever it does

  Scenario Outline: A <method> request reaches the server as a <method>
    When I send a <method> request to "/inspect"
    Then the response status should be 200
    And the JSON value at "$.method" should be "<method>"

    Examples:
      | method  |
      | GET     |
      | POST    |
      | PUT     |
      | PATCH   |
      | DELETE  |
      | OPTIONS |

  Scenario: A HEAD request gets the headers of the answer without its body
    When I send a HEAD request to "/inspect"
    Then the response status should be 200
    And the response header "content-type" should be "application/json"

  # OpenAPI has no operations for methods such as PROPFIND: no contract check.
  @no_contract
  Scenario Outline: Any method the server knows, such as <method>, reaches it as sent
    When I send a <method> request to "/methods/echo"
    Then the response status should be 200
    And the JSON value at "$.method" should be "<method>"

    Examples:
      | method   |
      | TRACE    |
      | PROPFIND |
      | MKCOL    |
      | M-SEARCH |
