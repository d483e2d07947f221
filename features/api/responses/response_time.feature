Feature: Response time
  As an operator of the service
  I want the catalogue to answer quickly
  So that the pages that show it stay responsive

  Scenario: The catalogue answers within half a second
    When I send a GET request to "/samples/catalog"
    Then the response status should be 200
    And the response time should be under 500 ms
