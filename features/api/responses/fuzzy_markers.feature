Feature: Fuzzy matching of JSON values
  As a client developer
  I want to check the kind and format of values that differ from call to call
  So that ids, prices and timestamps can be tested without pinning their exact values

  Scenario: Ids, prices, flags and timestamps have the right kinds
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the response status should be 200
    And the JSON response should be:
      """
      {
        "id": "#uuid",
        "sku": "#regex [A-Z]{3}-[0-9]{3}",
        "name": "#string",
        "price": "#number",
        "tags": "#array",
        "stock": {"available": "#boolean", "quantity": "#notnull"},
        "discount": "#null",
        "added_at": "#datetime"
      }
      """

  Scenario: Optional, ignored and forbidden fields
    When I send a GET request to "/samples/catalog/items/MUG-002"
    Then the JSON response should contain:
      """
      {
        "discount": "##object",
        "coupon": "##string",
        "stock": "#present",
        "name": "#ignore",
        "internal_cost": "#notpresent"
      }
      """
    And the JSON value at "$.stock" should be "#object"
    And the JSON value at "$.stock.available" should be "#boolean"
