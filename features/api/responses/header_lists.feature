Feature: Headers that are there or not, and headers that list values
  As a client developer
  I want to know which headers a response carries, and what their lists hold
  So that caches and clients treat the response as the service means them to

  Scenario: A response carries the trace header, and no server timing
    When I send a GET request to "/headers/repeated"
    Then the response should have the header "X-Trace"
    And the response should not have the header "Server-Timing"

  Scenario: The allowed methods are listed, in whatever order
    When I send a GET request to "/headers/repeated"
    Then the response header "Allow" should list "GET, HEAD, OPTIONS" in any order

  Scenario: A header sent on two lines lists the values of both
    When I send a GET request to "/headers/repeated"
    Then the response header "Vary" should list "Accept-Language, Accept" in any order
