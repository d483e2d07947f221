# Every scenario fails on purpose: tests/test_contract_steps.py runs it with the project's
# document (the default userdata) and with contract_violations.yaml, a document that
# describes the service wrongly, and checks each message.
Feature: Exchanges that break the service's OpenAPI document
  As a developer of the board's API
  I want every exchange that breaks the published contract to fail its step
  So that the document and the service never drift apart unnoticed

  Scenario: A request body that breaks the documented schema
    When I send a POST request to "/board/users" with JSON:
      """
      {"name": 42, "team": "Engines"}
      """
    Then the response status should be 422

  Scenario: A route the document does not have
    When I send a GET request to "/no/such/route"
    Then the response status should be 404

  Scenario: A method the document does not have
    When I send a PUT request to "/health"
    Then the response status should be 405

  Scenario: A query parameter of the wrong type
    When I send a GET request to "/slow?ms=soon"
    Then the response status should be 400

  Scenario: An answer with a field of an undocumented type
    When I send a GET request to "/health"
    Then the response status should be 200

  Scenario: An answer with an undocumented status
    When I send a GET request to "/samples/catalog/items/NOPE-999"
    Then the response status should be 404
