package io.github.lrabench.runner;

/** A second healthy test-only provider, so that a suite can hold a failing and a passing model. */
public class SecondTestProvider extends TestOnlyProvider {

    @Override
    public String id() {
        return "test-second";
    }
}
