Feature: Whole JSON documents
  As a client developer
  I want to compare whole documents, or just the parts my client relies on
  So that no change to a response slips past unnoticed

  Scenario: An item is exactly as published, whatever the key order
    When I send a GET request to "/samples/catalog/items/MUG-002"
    Then the response status should be 200
    And the JSON response should be:
      """
      {
        "sku": "MUG-002",
        "name": "Stoneware mug",
        "price": 12.0,
        "id": "0b7e9d2c-5a41-4f3e-8c6d-2e9f1a3b4c5d",
        "tags": ["kitchen"],
        "stock": {"quantity": 140, "available": true},
        "discount": {"percent": 10, "until": "2024-04-01T00:00:00Z"},
        "added_at": "2024-03-02T14:05:00Z"
      }
      """

  Scenario: The catalogue holds at least what clients rely on
    When I send a GET request to "/samples/catalog"
    Then the JSON response should contain:
      """
      {"currency": "EUR", "items": [{"sku": "LMP-003", "stock": {"available": false}}]}
      """
    And the JSON value at "$.items[1]" should contain:
      """
      {"sku": "MUG-002", "tags": ["kitchen"]}
      """

  Scenario: The gift list holds exactly the gifts, in any order
    When I send a GET request to "/samples/catalog?tag=gift"
    Then the JSON value at "$.items[*].sku" should contain only:
      """
      ["LMP-003", "TEA-001"]
      """
    And the JSON value at "$.count" should be 2

  Scenario: Tags may come in any order
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the response status should be 200
    And the JSON response should contain only:
      """
      {
        "id": "#uuid", "sku": "TEA-001", "name": "#string", "price": 34.5,
        "tags": ["gift", "kitchen"], "stock": "#object", "discount": null,
        "added_at": "#datetime"
      }
      """

  Scenario: A teapot is a gift, and is never discontinued
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.tags" should contain any of:
      """
      ["gift", "sale"]
      """
    And the JSON value at "$.tags" should contain none of:
      """
      ["discontinued", "internal"]
      """

  Scenario: An item is recognised by any of its identifiers, and is not another item
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should contain any of:
      """
      {"sku": "TEA-001", "name": "Teapot"}
      """
    And the JSON response should contain none of:
      """
      {"sku": "MUG-002", "stock": {"available": false}}
      """
