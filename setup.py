"""Package metadata for segnb, read from settings.ini (the nbdev 2 convention)."""
from configparser import ConfigParser
from pathlib import Path

import setuptools

config = ConfigParser(delimiters=["="])
config.read(Path(__file__).parent / "settings.ini", encoding="utf-8")
settings = config["DEFAULT"]


def requirement_list(key: str) -> list:
    return settings.get(key, "").split()


setuptools.setup(
    name=settings["lib_name"],
    version=settings["version"],
    description=settings["description"],
    long_description=(Path(__file__).parent / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author=settings["author"],
    author_email=settings["author_email"],
    license="Apache-2.0",
    url=settings["git_url"],
    keywords=settings["keywords"].split(),
    python_requires=">=" + settings["min_python"],
    packages=setuptools.find_packages(include=["segnb", "segnb.*"]),
    include_package_data=True,
    install_requires=requirement_list("requirements"),
    extras_require={
        "dev": requirement_list("dev_requirements"),
        "benchmark": requirement_list("benchmark_requirements"),
        "course": requirement_list("course_requirements"),
        "docs": requirement_list("docs_requirements"),
    },
    entry_points={
        "console_scripts": requirement_list("console_scripts"),
        "nbdev": [f"{settings['lib_path']}={settings['lib_path']}._modidx:d"],
    },
    zip_safe=False,
)
