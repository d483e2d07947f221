Feature: Diagnostic crash endpoint
  As an operator checking the error handling
  I want an endpoint that crashes on purpose
  So that I can see the service answer a crash with a problem document

  @expect_server_error
  Scenario: The crash is answered with a problem document
    When I send a GET request to "/board/crash"
    Then the response status should be 500
    And the response header "content-type" should be "application/problem+json"
    And the JSON value at "$.status" should be 500
