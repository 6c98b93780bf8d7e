// The council pages' address, title and description, as functions of the council the page
// is paginated to (council.njk). Written here, not as Nunjucks in council.njk's front
// matter: Eleventy compiles a front-matter template afresh for each of the 158 pages at
// every rebuild, even one that renders a single chapter, and that cost `npm start` a fifth
// of a second after each edit.
export default {
  permalink: (data) => `/councils/${data.council.slug}/`,
  eleventyComputed: {
    title: (data) => data.council.listedName,
    description: (data) =>
      `Every Ofsted inspection of ${data.council.name}'s children's services since 2009, and how its latest grade compares with ${data.council.region} and England.`,
  },
};
