Feature: What a response should not be
  As a client developer
  I want to say what the catalogue must never answer
  So that a value swapped for a wrong one is caught, not just a missing one

  Scenario: The catalogue neither fails nor changes its language
    When I send a GET request to "/samples/catalog"
    Then the response status should not be 500
    And the response header "Content-Language" should not be "fr"
    And the response header "Cache-Control" should not contain "no-store"
    And the response body should not contain "Traceback"

  Scenario: A greeting shows no error page
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should not contain:
      """
      Internal Server Error
      """

  Scenario: An item is not the one out of stock
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.sku" should not be "LMP-003"
    And the JSON value at "$.name" should not be "#null"
    And the JSON response should not contain:
      """
      {"stock": {"available": false}}
      """

  Scenario: No item is free or internal
    When I send a GET request to "/samples/catalog"
    Then the JSON array at "$.items[0].tags" should not contain "internal"
    And the JSON array at "$.items" should not contain {"price": 0}
    And the JSON value at "$.items[1]" should not contain:
      """
      {"discount": null}
      """
