import App
try await runMinzheng()
