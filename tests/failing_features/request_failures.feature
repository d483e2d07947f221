Feature: Deliberately failing requests
  As a feature writer
  I want a request that gets no response reported with its method, URL and cause
  So that a slow or unreachable server is diagnosed from the report alone

  Scenario: Request slower than the timeout
    Given requests time out after 100 ms
    When I send a GET request to "/slow?ms=1000"

  Scenario: Connection refused
    When I send a GET request to "http://127.0.0.1:1/health"
