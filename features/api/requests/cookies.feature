Feature: Cookies across the requests of a scenario
  As a tester of an API that keeps state in cookies
  I want the requests of a scenario to carry cookies as a browser does
  So that I can specify flows that span several requests

  Scenario: A cookie the server sets is sent back with the next request
    Given I send a POST request to "/cookies/set?name=flavour&value=oatmeal"
    When I send a GET request to "/cookies"
    Then the response status should be 200
    And the JSON value at "$.cookies.flavour" should be "oatmeal"

  Scenario: A cookie set by the scenario is sent with its requests
    Given the cookie "theme" is "dark"
    When I send a GET request to "/cookies"
    Then the JSON value at "$.cookies" should be {"theme": "dark"}

  Scenario: A new scenario starts without cookies
    When I send a GET request to "/cookies"
    Then the JSON value at "$.cookies" should be {}
