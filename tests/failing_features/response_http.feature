Feature: Deliberately wrong expectations about status, headers, body text, time and polling
  As the maintainers of the step library
  We want every response assertion step to fail on a wrong expectation
  So that a passing suite means something

  Scenario: Status is not the one expected
    When I send a GET request to "/samples/ping"
    Then the response status should be 201

  Scenario: Status is not one of those expected
    When I send a GET request to "/samples/ping"
    Then the response status should be one of 201, 204

  Scenario: Status is in another class
    When I send a GET request to "/samples/ping"
    Then the response status should be 4xx

  Scenario: Header has another value
    When I send a GET request to "/samples/catalog"
    Then the response header "Content-Language" should be "fr"

  Scenario: Header does not contain the text
    When I send a GET request to "/samples/catalog"
    Then the response header "Cache-Control" should contain "no-store"

  Scenario: Header to search is missing
    When I send a GET request to "/samples/ping"
    Then the response header "Cache-Control" should contain "no-store"

  Scenario: Header does not match the pattern
    When I send a GET request to "/samples/catalog"
    Then the response header "X-Request-Id" should match "req-[0-9]+"

  Scenario: Header that should be absent is there
    When I send a GET request to "/samples/catalog"
    Then the response header "Content-Language" should be absent

  Scenario: Body is not the doc-string
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should be:
      """
      Hello, Bob!
      You have 3 new messages.
      """

  Scenario: Body is not the inline text
    When I send a GET request to "/samples/ping"
    Then the response body should be "ping"

  Scenario: Body does not contain the doc-string
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should contain:
      """
      4 new messages
      """

  Scenario: Body does not contain the inline text
    When I send a GET request to "/samples/ping"
    Then the response body should contain "ping"

  Scenario: Body does not match the doc-string pattern
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should match:
      """
      Goodbye, \w+!.*
      """

  Scenario: Body does not match the inline pattern
    When I send a GET request to "/samples/ping"
    Then the response body should match "p[aeiu]ng"

  Scenario: Response is too slow
    When I send a GET request to "/samples/slow?delay_ms=60"
    Then the response time should be under 20 ms

  Scenario: Polled JSON value never comes
    Given I send a GET request to "/samples/eventually-ready?after=50"
    When I repeat the request until the JSON value at "$.state" is "ready", at most 2 times every 1 ms

  Scenario: Polled status never comes
    Given I send a GET request to "/samples/eventually-ready?after=50"
    When I repeat the request until the response status is 200, at most 3 times every 1 ms

  Scenario: Status is the one it should not be
    When I send a GET request to "/samples/ping"
    Then the response status should not be 200

  Scenario: Header is the value it should not be
    When I send a GET request to "/samples/catalog"
    Then the response header "Content-Language" should not be "en"

  Scenario: Header contains the text it should not
    When I send a GET request to "/samples/catalog"
    Then the response header "Cache-Control" should not contain "max-age"

  Scenario: Header to check against is missing
    When I send a GET request to "/samples/ping"
    Then the response header "Content-Language" should not be "fr"

  Scenario: Body contains the inline text it should not
    When I send a GET request to "/samples/ping"
    Then the response body should not contain "on"

  Scenario: Body contains the doc-string it should not
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should not contain:
      """
      3 new messages
      """
