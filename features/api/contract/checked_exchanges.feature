# The project's userdata turns the contract check on (openapi = app/openapi.yaml): every
# request below, and every answer, is checked against the service's OpenAPI document.
Feature: Every exchange honours the service's published contract
  As a developer of the board's API
  I want each request and response of the scenarios checked against the OpenAPI document
  So that the document our clients build on never drifts from what the service does

  Scenario: The service publishes the document it is checked against
    When I send a GET request to "/openapi.json"
    Then the response status should be 200
    And the JSON value at "$.openapi" should be "#regex 3[.]1[.][0-9]+"
    And the JSON value at "$.paths['/board/tasks'].post.operationId" should be "createTask"

  Scenario: A registration and its answer are both as documented
    When I send a POST request to "/board/users" with JSON:
      """
      {"name": "Grace", "team": "Compilers"}
      """
    Then the response status should be 201
    And the JSON value at "$.token" should be "#string"

  Scenario: A refusal is documented too, as a problem document
    When I send a GET request to "/samples/catalog/items/NOPE-999"
    Then the response status should be 404

  Scenario: A request that breaks the contract on purpose is sent once the check is off
    Given the contract check is off
    When I send a POST request to "/board/users" with JSON:
      """
      {"name": 42}
      """
    Then the response status should be 422

  @no_contract
  Scenario: A tag turns the check off for a whole scenario
    When I send a PROPFIND request to "/methods/echo"
    Then the response status should be 200
    And the JSON value at "$.method" should be "PROPFIND"
