"""Running a translation on a Ray cluster: `RayExecutor` (the driver's side), the worker it starts on each node,
and how packages travel to the workers. Ray is imported only when a run on a cluster starts."""
