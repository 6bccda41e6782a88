"""A cross-body topic page: one question asked of every regulation, a column each."""
from __future__ import annotations

from ..describe import actor_names
from ..topics import Topic, matrix
from .render import environment


def topic_html(site, links, topic: Topic) -> str:
    """A column per text; in a large corpus only the texts in force (a column per
    text of 400 made a 1.6 MB page no one could read across)."""
    regs = [r for r in site.texts if r.metadata.status == "in_force"] if site.large else site.texts
    return environment().get_template("topic.html").render(
        topic=topic, cells=matrix(topic, regs), names=actor_names, url=links,
        left_out=len(site.texts) - len(regs))
