"""The Lessons dock (Help > Lessons): the lessons of resources/lessons (engine.lessons reads
them) shown one step at a time, acted out for the learner and checked live on the run."""
