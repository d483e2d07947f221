Feature: Response headers
  As a client developer
  I want the catalogue's headers to describe its content and how long to cache it
  So that my client and the proxies in between handle it correctly

  Scenario: The catalogue says what it is and how long to keep it
    When I send a GET request to "/samples/catalog"
    Then the response header "Content-Type" should be "application/json"
    And the response header "Cache-Control" should contain "max-age=300"
    And the response header "Content-Language" should be "en"

  Scenario: Every response carries a request id and no stack details
    When I send a GET request to "/samples/catalog"
    Then the response header "X-Request-Id" should match "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    And the response header "X-Powered-By" should be absent
